using PmmlEngine.Model;
using PmmlEngine.Planning;
using OnnxType = PmmlEngine.Onnx.Proto.TensorProto.Types.DataType;

namespace PmmlEngine.Onnx;

/// <summary>
/// A RegressionModel as the interpreter scores it: each table's linear predictor (no prediction at all when a numeric
/// input is missing), then the link function or the normalization into probabilities, in the model's arithmetic
/// (float32 for x-mathContext="float").
/// </summary>
/// <param name="graph">The graph being written.</param>
/// <param name="results">Targets and labels.</param>
/// <param name="numeric">A numeric field's value, double [N].</param>
/// <param name="equals">Whether a field equals a category, bool [N] (false where missing).</param>
internal sealed class RegressionLowering(OnnxGraph graph, ResultLowering results, Func<int, string> numeric, Func<int, Types.Value, string> equals)
{
    /// <summary>The model's own result: its Targets applied; probabilities in its own category order.</summary>
    public Result Lower(RegressionPlan model)
    {
        if (model.Target.Priors is not null)
            throw ResultLowering.Refuse("prior probabilities for records without a prediction are not translated", model);
        var scores = model.Tables.Select(t => Table(t, model)).ToArray();
        if (model.Function != MiningFunction.Classification)
            return new Result(results.Targets(model, Link(model, scores[0])), false, null);
        var p = Normalize(model, scores);
        // Table t's probability goes to its category's place (RegressionInterpreter.Finish); others are 0.
        var zero = graph.Op("Mul", p[0], graph.Double(0));
        var columns = model.Target.Categories.Select(c => Array.FindIndex(model.Tables, t => t.Category.Equals(c)) is var t and >= 0 ? p[t] : zero);
        var probabilities = graph.Op("Concat", columns.Select(c => graph.Op("Unsqueeze", c, graph.Longs([1]))).ToArray(), [OnnxGraph.Int("axis", 1)]);
        return results.Classified(probabilities, model.Target.Categories);
    }

    /// <summary>Intercept plus coefficient times value per term, NaN where any numeric input of the model is missing.</summary>
    private string Table(RegressionTablePlan table, RegressionPlan model)
    {
        var type = model.IsFloat ? OnnxType.Float : OnnxType.Double;
        string Constant(double c) => model.IsFloat ? graph.Floats([(float)c]) : graph.Double(c);
        string Number(int slot) => graph.Cast(numeric(slot), type);
        var y = graph.Op("Add", Basis(model, type), Constant(table.Intercept));
        foreach (var (slot, exponent, coefficient) in table.Numeric)
        {
            var x = exponent == 1 ? Number(slot) : graph.Op("Pow", Number(slot), Constant(exponent));
            y = graph.Op("Add", y, graph.Op("Mul", Constant(coefficient), x));
        }
        foreach (var (slot, value, coefficient) in table.Categorical)
            y = graph.Op("Add", y, graph.Op("Mul", Constant(coefficient), graph.Cast(equals(slot, value), type)));
        foreach (var (slots, coefficient) in table.Interactions)
            y = graph.Op("Add", y, slots.Aggregate(Constant(coefficient), (product, slot) => graph.Op("Mul", product, Number(slot))));
        return y;
    }

    /// <summary>
    /// 0 for every row, NaN where any numeric input of any table is missing: then the interpreter scores no table at all.
    /// A model without numeric inputs reads its first categorical comparison, which is never NaN.
    /// </summary>
    private string Basis(RegressionPlan model, OnnxType type)
    {
        var slots = model.Tables.SelectMany(t => t.Numeric.Select(n => n.Slot).Concat(t.Interactions.SelectMany(i => i.Slots))).Distinct().ToArray();
        var any = slots.Length > 0
            ? slots.Select(numeric).Aggregate((a, b) => graph.Op("Add", a, b))
            : model.Tables.SelectMany(t => t.Categorical).Select(c => graph.Cast(equals(c.Slot, c.Value), OnnxType.Double)).FirstOrDefault()
                ?? throw ResultLowering.Refuse("a RegressionModel that reads no field has no row count in the graph", model);
        return graph.Op("Mul", graph.Cast(any, type), model.IsFloat ? graph.Floats([0f]) : graph.Double(0));
    }

    /// <summary>A regression model's link (LinkFunctions.Apply), double [N].</summary>
    private string Link(RegressionPlan model, string y)
    {
        string One() => model.IsFloat ? graph.Floats([1f]) : graph.Double(1);
        var linked = model.Normalization switch
        {
            RegressionNormalization.None => y,
            RegressionNormalization.Logit or RegressionNormalization.Softmax => graph.Op("Div", One(), graph.Op("Add", One(), graph.Op("Exp", graph.Op("Neg", y)))),
            RegressionNormalization.Exp => graph.Op("Exp", y),
            _ => throw ResultLowering.Refuse($"normalizationMethod {model.Normalization} is not translated", model),
        };
        return model.IsFloat ? graph.Cast(linked, OnnxType.Double) : linked;
    }

    /// <summary>RegressionModel normalization of the tables' scores into probabilities (double [N] each).</summary>
    private string[] Normalize(RegressionPlan model, string[] scores)
    {
        string One() => model.IsFloat ? graph.Floats([1f]) : graph.Double(1);
        string[] p;
        switch (model.Normalization)
        {
            case RegressionNormalization.Softmax:
                var matrix = graph.Op("Concat", scores.Select(s => graph.Op("Unsqueeze", s, graph.Longs([1]))).ToArray(), [OnnxGraph.Int("axis", 1)]);
                var softmax = graph.Op("Softmax", [matrix], [OnnxGraph.Int("axis", 1)]);
                p = scores.Select((_, t) => results.Squeeze(graph.Column(softmax, t))).ToArray();
                break;
            case RegressionNormalization.Logit or RegressionNormalization.None:
                p = model.Normalization == RegressionNormalization.None ? scores
                    : scores.Select(s => graph.Op("Div", One(), graph.Op("Add", One(), graph.Op("Exp", graph.Op("Neg", s))))).ToArray();
                if (p.Length == 2)
                    p[1] = graph.Op("Sub", One(), p[0]);
                break;
            default:
                throw ResultLowering.Refuse($"normalizationMethod {model.Normalization} is not translated", model);
        }
        return model.IsFloat ? p.Select(v => graph.Cast(v, OnnxType.Double)).ToArray() : p;
    }
}
