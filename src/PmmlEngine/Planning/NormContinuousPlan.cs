using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>Piecewise-linear normalisation between LinearNorm knots (PMML 4.4 Transformations, NormContinuous).</summary>
public sealed class NormContinuousPlan(PlanExpression field, double[] orig, double[] norm, OutlierTreatment outliers, Value mapMissingTo) : PlanExpression
{
    public PlanExpression Field { get; } = field;
    public double[] Orig { get; } = orig;
    public double[] Norm { get; } = norm;
    public OutlierTreatment Outliers { get; } = outliers;
    public Value MapMissingTo { get; } = mapMissingTo;
}
