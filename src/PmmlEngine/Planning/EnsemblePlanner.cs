using PmmlEngine.Model;

namespace PmmlEngine.Planning;

internal sealed class EnsemblePlanner(ModelPlanner models)
{
    public EnsemblePlan Plan(MiningModel model, Scope scope, string? targetName, bool inherited, int[] active)
    {
        // In a model chain each segment sees the output fields of the segments before it.
        var chain = new Scope(scope);
        var segments = new List<Planned>();
        foreach (var segment in model.Segments)
        {
            var predicateScope = model.Method == MultipleModelMethod.ModelChain ? chain : scope;
            var predicate = models.Predicates.Plan(segment.Predicate, predicateScope, false);
            var plan = models.Plan(segment.Model, predicateScope, targetName, isTop: false, out _);
            if (model.Method == MultipleModelMethod.ModelChain)
                foreach (var output in plan.Outputs)
                    chain.Bind(output.Name, output.Slot);
            segments.Add(new Planned(segment, plan, predicate));
        }
        var target = models.Target(model, targetName, inherited,
            segments.SelectMany(s => s.Plan.Target.Categories).Select(c => c.ToString()));
        return new EnsemblePlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Method = model.Method,
            MissingPredictionTreatment = model.MissingPredictionTreatment,
            MissingThreshold = model.MissingThreshold,
            Segments = segments.Select(s => new SegmentPlan
            {
                Id = s.Segment.Id,
                Weight = s.Segment.Weight,
                Predicate = s.Predicate,
                Model = s.Plan,
                CategoryMap = s.Plan.Target.Categories.Select(target.IndexOf).ToArray(),
            }).ToArray(),
        };
    }

    // A class rather than a tuple: a list of tuples and LINQ over it have no precompiled code, and every ensemble's load
    // JIT-compiled their methods.
    private sealed record Planned(Segment Segment, ModelPlan Plan, PredicatePlan Predicate);
}
