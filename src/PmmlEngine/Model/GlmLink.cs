namespace PmmlEngine.Model;

/// <summary>PMML LINK-FUNCTION of a generalized linear model.</summary>
public enum GlmLink
{
    Cloglog,
    Identity,
    Log,
    Logc,
    Logit,
    Loglog,
    Negbin,
    Oddspower,
    Power,
    Probit,
}
