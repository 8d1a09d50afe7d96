namespace PmmlEngine.Model;

public enum GeneralRegressionType
{
    Regression,
    GeneralLinear,
    MultinomialLogistic,
    GeneralizedLinear,
    OrdinalMultinomial,
    CoxRegression,
}
