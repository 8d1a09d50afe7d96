namespace PmmlEngine.Model;

/// <summary>The precision of a model's arithmetic (x-mathContext; float for XGBoost and LightGBM float models).</summary>
public enum MathContext
{
    Double,
    Float,
}
