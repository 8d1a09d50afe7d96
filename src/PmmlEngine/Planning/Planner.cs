using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// Resolves every name of a document to a slot once, at load, and builds the typed IR that all backends read.
/// Problems are collected and reported together.
/// </summary>
public static class Planner
{
    public static DocumentPlan Plan(PmmlDocument document)
    {
        var context = new PlanningContext(document);
        var global = new Scope(null);
        foreach (var field in document.DataDictionary)
            global.Bind(field.Name, context.Add(new InputSlot(field)));

        var expressions = new ExpressionPlanner(context);
        expressions.PlanFunctionBodies(document.Transformations, global);
        DeclareDerivedFields(context, expressions, document.Transformations.DerivedFields, global);

        var models = new ModelPlanner(context, expressions);
        var model = models.Plan(document.Model, global, inheritedTarget: null, isTop: true);

        var targets = new List<PublicField>();
        if (model.Target.FieldName is { } targetName)
        {
            var slot = context.Add(new ResultSlot(targetName, model.Target.DataType, model.Target.OpType));
            targets.Add(new PublicField(targetName, model.Target.DataType, model.Target.OpType, [slot]));
        }
        var outputs = new List<PublicField>();
        CollectPublicOutputs(model, outputs);

        CheckDerivedCycles(context);
        context.Diagnostics.ThrowIfAny();
        var inputs = model.ActiveSlots
            .Select(s => context.Slots[s] is PreparedSlot p ? context.Slots[p.Source] : context.Slots[s])
            .OfType<InputSlot>()
            .Distinct()
            .ToArray();
        return new DocumentPlan
        {
            Document = document,
            Slots = context.Slots.ToArray(),
            Inputs = inputs,
            Model = model,
            Targets = targets.ToArray(),
            Outputs = outputs.ToArray(),
        };
    }

    internal static void DeclareDerivedFields(PlanningContext context, ExpressionPlanner expressions, IEnumerable<DerivedField> fields, Scope scope)
    {
        var declared = new List<(DerivedField Field, DerivedSlot Slot)>();
        foreach (var field in fields)
        {
            if (scope.DeclaresLocally(field.Name))
                context.Error(MarkupProblemKind.InvalidElement, $"field '{field.Name}' is defined twice in the same scope", field.Location);
            var slot = new DerivedSlot(field.Name, field.DataType, field.OpType ?? DefaultOpType(field.DataType), field.Location);
            scope.Bind(field.Name, context.Add(slot));
            declared.Add((field, slot));
        }
        // Derived fields may refer to each other in any order, so all names are bound before any expression is planned.
        foreach (var (field, slot) in declared)
            slot.Expression = expressions.Plan(field.Expression, scope);
    }

    internal static OpType DefaultOpType(DataType type) =>
        type is DataType.String or DataType.Boolean ? OpType.Categorical : OpType.Continuous;

    /// <summary>
    /// Final outputs of the top model, plus those of segments whose results a selectFirst or modelChain passes through.
    /// </summary>
    private static void CollectPublicOutputs(ModelPlan model, List<PublicField> outputs)
    {
        foreach (var output in model.Outputs)
        {
            if (!output.Field.IsFinalResult)
                continue;
            var existing = outputs.Find(o => o.Name == output.Name);
            if (existing is null)
                outputs.Add(new PublicField(output.Name, output.DataType, output.OpType, [output.Slot]));
            else
                existing.Slots = [.. existing.Slots, output.Slot];
        }
        if (model is EnsemblePlan { Method: MultipleModelMethod.SelectFirst or MultipleModelMethod.ModelChain } ensemble)
            foreach (var segment in ensemble.Segments)
                CollectPublicOutputs(segment.Model, outputs);
    }

    private static void CheckDerivedCycles(PlanningContext context)
    {
        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state = new byte[context.Slots.Count];
        var stack = new Stack<Visit>();
        for (var start = 0; start < state.Length; start++)
        {
            if (state[start] != 0)
                continue;
            state[start] = 1;
            stack.Push(new Visit(start, Dependencies(context.Slots[start]).GetEnumerator()));
            while (stack.Count > 0)
            {
                var (slot, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[slot] = 2;
                    stack.Pop();
                    continue;
                }
                var dependency = next.Current;
                if (dependency < 0)
                    continue;
                if (state[dependency] == 1)
                {
                    var where = context.Slots[slot] is DerivedSlot d ? d.Location : SourceLocation.None;
                    context.Error(MarkupProblemKind.InvalidElement,
                        $"field '{context.Slots[slot].Name}' depends on itself through '{context.Slots[dependency].Name}'", where);
                    continue;
                }
                if (state[dependency] == 0)
                {
                    state[dependency] = 1;
                    stack.Push(new Visit(dependency, Dependencies(context.Slots[dependency]).GetEnumerator()));
                }
            }
        }
    }

    // A class rather than a tuple: a stack of tuples has no precompiled code, and every load JIT-compiled its methods.
    private sealed record Visit(int Slot, IEnumerator<int> Next);

    private static IEnumerable<int> Dependencies(SlotDefinition slot) => slot switch
    {
        DerivedSlot d => PlanWalker.SlotsRead(d.Expression),
        PreparedSlot p => [p.Source],
        _ => [],
    };
}
