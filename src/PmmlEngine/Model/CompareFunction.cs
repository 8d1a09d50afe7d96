namespace PmmlEngine.Model;

/// <summary>PMML COMPARE-FUNCTION: how one field's value is compared with a center's coordinate.</summary>
public enum CompareFunction
{
    AbsDiff,
    GaussSim,
    Delta,
    Equal,
    Table,
}
