namespace PmmlEngine.Model;

/// <summary>PMML CUMULATIVE-LINK-FUNCTION of an ordinal multinomial model.</summary>
public enum CumulativeLink
{
    Logit,
    Probit,
    Cloglog,
    Loglog,
    Cauchit,
}
