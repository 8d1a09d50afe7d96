namespace PmmlEngine.Types;

/// <summary>PMML's OPTYPE: how a field's values may be operated on.</summary>
public enum OpType
{
    Categorical,
    Ordinal,
    Continuous,
}
