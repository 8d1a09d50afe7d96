using PmmlEngine.Backends.Compiled;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Tensors;

/// <summary>
/// From one row's running sums to the top model's result, through the interpreter's own steps (the ensemble's
/// average, Targets, the chain's final RegressionModel, OutputFields), so every tensor backend finishes exactly as
/// the interpreter does and supports every output that depends only on the result.
/// </summary>
internal sealed class ForestFinish
{
    public required ModelPlan Top { get; init; }
    public required ForestShape Shape { get; init; }

    /// <summary>The ensemble whose method averages the sums (<see cref="ForestShape.Regression"/>), else null.</summary>
    public EnsemblePlan? Ensemble { get; init; }

    /// <summary><see cref="ForestShape.Regression"/>: one sum per tree, combined by the ensemble's median, weighted median or max.</summary>
    public bool PerTree { get; init; }

    /// <summary>Segment weights of <see cref="Ensemble"/>, for weighted averages and medians.</summary>
    public double[] SegmentWeights { get; init; } = [];

    /// <summary><see cref="ForestShape.Tree"/>: the predicted value of each label index a leaf holds.</summary>
    public Value[] Labels { get; init; } = [];

    /// <summary><see cref="ForestShape.Vote"/>: the total weight the sums are divided by.</summary>
    public double Divisor { get; init; } = 1;

    /// <summary><see cref="ForestShape.Chain"/>: the sub-ensemble behind each running sum, with its segment weights.</summary>
    public (EnsemblePlan Ensemble, double[] Weights)[] Links { get; init; } = [];

    /// <summary><see cref="ForestShape.Chain"/>: the last segment, whose model reads the links' outputs.</summary>
    public SegmentPlan? Final { get; init; }

    /// <summary>Scores the row's result into <paramref name="result"/> and writes the top model's outputs into the row.</summary>
    public void Apply(RowContext row, ReadOnlySpan<double> sums, ModelResult result)
    {
        result.Reset();
        switch (Shape)
        {
            case ForestShape.Regression:
                result.Predicted = !PerTree ? Regress(Ensemble, SegmentWeights, sums[0])
                    : TreeSumBatch.HasNaN(sums) ? Value.Missing : Value.Of(EnsembleInterpreter.Regress(Ensemble!, sums, SegmentWeights));
                break;
            case ForestShape.Tree:
                var categories = Top.Target.Categories.Length;
                if (!double.IsNaN(sums[categories]))
                {
                    result.Probabilities = sums[..categories].ToArray();
                    result.Predicted = Labels[(int)sums[categories]];
                }
                break;
            case ForestShape.Vote:
                var totals = new double[sums.Length];
                for (var i = 0; i < totals.Length; i++)
                    totals[i] = sums[i] / Divisor;
                if (!double.IsNaN(totals[0]))
                    result.SetDistribution(totals);
                break;
            case ForestShape.Chain:
                Chain(row, sums, result);
                break;
        }
        ModelInterpreter.ApplyTargets(Top, result);
        OutputInterpreter.Write(Top, result, row);
    }

    private static Value Regress(EnsemblePlan? ensemble, double[] weights, double sum) =>
        double.IsNaN(sum) ? Value.Missing : Value.Of(ensemble is null ? sum : EnsembleInterpreter.SumFinish(ensemble, sum, weights.Length, weights));

    /// <summary>Each link's sum becomes its ensemble's result and outputs; the final model then reads them from the row.</summary>
    private void Chain(RowContext row, ReadOnlySpan<double> sums, ModelResult result)
    {
        for (var j = 0; j < Links.Length; j++)
        {
            var (ensemble, weights) = Links[j];
            var link = new ModelResult(ensemble.Target) { Predicted = Regress(ensemble, weights, sums[j]) };
            ModelInterpreter.ApplyTargets(ensemble, link);
            OutputInterpreter.Write(ensemble, link, row);
        }
        var final = ModelInterpreter.Evaluate(Final!.Model, row);
        EnsembleInterpreter.Adopt(result, Final, final);
    }
}
