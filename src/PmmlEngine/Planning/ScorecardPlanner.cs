using PmmlEngine.Errors;
using PmmlEngine.Model;

namespace PmmlEngine.Planning;

internal sealed class ScorecardPlanner(ModelPlanner models)
{
    public ScorecardPlan Plan(Scorecard model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        var codes = new List<string>();
        var all = new List<ScorecardAttributePlan>();
        var characteristics = new List<CharacteristicPlan>();
        foreach (var characteristic in model.Characteristics)
        {
            var name = characteristic.Name ?? $"#{characteristics.Count + 1}";
            var baseline = characteristic.BaselineScore ?? model.BaselineScore;
            if (model.UseReasonCodes && baseline is null)
                context.Error(MarkupProblemKind.MissingAttribute,
                    $"Characteristic '{name}' needs a baselineScore (on it or on the Scorecard) because useReasonCodes is true", characteristic.Location);
            var attributes = new List<ScorecardAttributePlan>();
            foreach (var attribute in characteristic.Attributes)
            {
                if (attribute.PartialScore is null && attribute.ComplexPartialScore is null)
                    context.Error(MarkupProblemKind.MissingAttribute, "Attribute needs a partialScore or a ComplexPartialScore", attribute.Location);
                var code = attribute.ReasonCode ?? characteristic.ReasonCode;
                if (model.UseReasonCodes && code is null)
                    context.Error(MarkupProblemKind.MissingAttribute,
                        $"an Attribute of Characteristic '{name}' needs a reasonCode (on it or on the Characteristic) because useReasonCodes is true", attribute.Location);
                var codeIndex = code is null ? -1 : codes.IndexOf(code);
                if (code is not null && codeIndex < 0)
                {
                    codeIndex = codes.Count;
                    codes.Add(code);
                }
                var plan = new ScorecardAttributePlan(all.Count,
                    models.Predicates.Plan(attribute.Predicate, scope, model.MathContext == MathContext.Float),
                    attribute.PartialScore ?? 0.0,
                    attribute.ComplexPartialScore is null ? null : models.Expressions.Plan(attribute.ComplexPartialScore, scope),
                    codeIndex);
                all.Add(plan);
                attributes.Add(plan);
            }
            characteristics.Add(new CharacteristicPlan(name, baseline ?? 0.0, attributes.ToArray(), characteristic.Location));
        }
        return new ScorecardPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            InitialScore = model.InitialScore,
            UseReasonCodes = model.UseReasonCodes,
            PointsAbove = model.ReasonCodeAlgorithm == ReasonCodeAlgorithm.PointsAbove,
            Characteristics = characteristics.ToArray(),
            AllAttributes = all.ToArray(),
            ReasonCodes = codes.ToArray(),
        };
    }
}
