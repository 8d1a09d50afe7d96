namespace PmmlEngine.Model;

public enum RegressionNormalization
{
    None,
    Simplemax,
    Softmax,
    Logit,
    Probit,
    Cloglog,
    Exp,
    Loglog,
    Cauchit,
}
