using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Planning;

internal sealed class BaselinePlanner(ModelPlanner models)
{
    public BaselinePlan Plan(BaselineModel model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        var slot = context.Resolve(scope, model.Field, model.Location, "TestDistributions");
        void Require(bool condition, string message)
        {
            if (!condition)
                context.Error(MarkupProblemKind.InvalidElement, message, model.Location);
        }
        switch (model.Statistic)
        {
            case BaselineStatistic.ZValue:
                Require(model.Baseline is { Type: BaselineDistributionType.Gaussian or BaselineDistributionType.Any, Variance: > 0 },
                    "testStatistic zValue needs a Baseline GaussianDistribution or AnyDistribution with a positive variance");
                break;
            case BaselineStatistic.Cusum:
                Require(model.Baseline is { Type: not BaselineDistributionType.Any } && model.Alternate is { Type: not BaselineDistributionType.Any },
                    "testStatistic CUSUM needs Baseline and Alternate distributions with densities (Gaussian, Poisson or Uniform)");
                break;
            case BaselineStatistic.ChiSquareDistribution:
                Require(model.ExpectedCounts.Length > 0 && model.ExpectedCounts.Sum(c => c.Count) > 0,
                    "testStatistic chiSquareDistribution needs a Baseline CountTable with positive counts");
                break;
            default:
                context.Error(MarkupProblemKind.UnsupportedAttribute, $"testStatistic {model.Statistic} is not supported yet", model.Location);
                break;
        }
        var total = model.ExpectedCounts.Sum(c => c.Count);
        var type = context.TypeOf(slot);
        return new BaselinePlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Slot = slot,
            Statistic = model.Statistic,
            ResetValue = model.ResetValue,
            Baseline = model.Baseline,
            Alternate = model.Alternate,
            ExpectedShares = model.ExpectedCounts.ToDictionary(c => context.Parse(c.Value, type, model.Location), c => c.Count / total),
        };
    }
}
