using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class SupportVectorMachinePlanner(ModelPlanner models)
{
    private PlanningContext Context => models.Context;

    /// <summary>The categories the machines name, in document order.</summary>
    public static IEnumerable<string> Categories(SupportVectorMachineModel model) =>
        model.Machines.SelectMany(m => new[] { m.TargetCategory, m.AlternateTargetCategory })
            .Append(model.AlternateBinaryTargetCategory).OfType<string>();

    public SupportVectorMachinePlan Plan(SupportVectorMachineModel model, Scope scope, TargetPlan target, int[] active)
    {
        var inputs = model.VectorFields.Select(f =>
        {
            var slot = Context.Resolve(scope, f.Field, model.Location, "VectorFields entry");
            var category = f.Category is null ? Value.Missing : Context.Parse(f.Category, Context.TypeOf(slot), model.Location);
            return new SvmInputPlan(slot, category, f.Coefficient);
        }).ToArray();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vector in model.Vectors)
        {
            if (vector.Coordinates.Length != inputs.Length)
                Context.Error(MarkupProblemKind.InvalidElement, $"VectorInstance '{vector.Id}' has {vector.Coordinates.Length} coordinates for {inputs.Length} vector fields", model.Location);
            if (!ids.TryAdd(vector.Id, ids.Count))
                Context.Error(MarkupProblemKind.InvalidElement, $"VectorInstance id '{vector.Id}' is used twice", model.Location);
        }

        var classification = model.Function == MiningFunction.Classification;
        // Old R exports leave classificationMethod out although every machine separates a pair of categories.
        var oneAgainstOne = model.ClassificationMethod == SvmClassificationMethod.OneAgainstOne
            || model.ClassificationMethod is null && model.Machines.Length > 1 && model.Machines.All(m => m.AlternateTargetCategory is not null);
        var machines = model.Machines.Select(m => PlanMachine(model, m, ids, target, classification, inputs.Length)).ToArray();
        if (machines.Length == 0)
            Context.Error(MarkupProblemKind.MissingElement, "SupportVectorMachineModel requires at least one SupportVectorMachine", model.Location);
        if (!classification && machines.Length > 1)
            Context.Error(MarkupProblemKind.InvalidElement, $"a regression SupportVectorMachineModel has one SupportVectorMachine, found {machines.Length}", model.Location);
        return new SupportVectorMachinePlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Kernel = model.Kernel,
            Inputs = inputs,
            Vectors = model.CoefficientsRepresentation ? [] : model.Vectors.Select(v => v.Coordinates.ToArray()).ToArray(),
            Machines = machines,
            Linear = model.CoefficientsRepresentation,
            OneAgainstOne = oneAgainstOne,
            MaxWins = model.MaxWins,
        };
    }

    private SvmMachinePlan PlanMachine(SupportVectorMachineModel model, SupportVectorMachine machine, Dictionary<string, int> ids, TargetPlan target,
        bool classification, int inputCount)
    {
        int[] vectors;
        if (model.CoefficientsRepresentation)
        {
            vectors = Enumerable.Range(0, inputCount).ToArray();
            if (model.Kernel.Type != SvmKernelType.Linear)
                Context.Error(MarkupProblemKind.InvalidAttribute, "svmRepresentation='Coefficients' needs a LinearKernelType", machine.Location);
        }
        else
        {
            vectors = machine.VectorIds.Select(id => ids.TryGetValue(id, out var index) ? index : Missing(id, machine.Location)).ToArray();
        }
        if (machine.Coefficients.Length != vectors.Length)
            Context.Error(MarkupProblemKind.InvalidElement,
                $"SupportVectorMachine has {machine.Coefficients.Length} coefficients for {vectors.Length} {(model.CoefficientsRepresentation ? "vector fields" : "support vectors")}", machine.Location);
        var alternate = machine.AlternateTargetCategory ?? model.AlternateBinaryTargetCategory;
        int Category(string? text) => text is null || !classification ? -1 : target.IndexOf(Context.Parse(text, target.DataType, machine.Location));
        var targetIndex = Category(machine.TargetCategory);
        var alternateIndex = Category(alternate);
        // A lone binary machine without an alternate separates its target from the other category.
        if (classification && model.Machines.Length == 1 && alternateIndex < 0 && target.Categories.Length == 2 && targetIndex >= 0)
            alternateIndex = 1 - targetIndex;
        if (classification && targetIndex < 0)
            Context.Error(MarkupProblemKind.MissingAttribute, "a classifying SupportVectorMachine needs a targetCategory the target knows", machine.Location);
        return new SvmMachinePlan(vectors, machine.Coefficients.ToArray(), machine.Bias, machine.Threshold ?? model.Threshold, targetIndex, alternateIndex);
    }

    private int Missing(string id, SourceLocation location)
    {
        Context.Error(MarkupProblemKind.InvalidAttribute, $"SupportVector refers to vectorId '{id}', which the VectorDictionary does not define", location);
        return 0;
    }
}
