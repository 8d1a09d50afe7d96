using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>What one model computed for a record, before its outputs are derived from it.</summary>
internal sealed class ModelResult(TargetPlan target)
{
    public TargetPlan Target { get; } = target;
    public Value Predicted { get; set; }

    /// <summary>Probabilities aligned with <see cref="TargetPlan.Categories"/>; null for regression.</summary>
    public double[]? Probabilities { get; set; }

    public double[]? Confidences { get; set; }
    public string? EntityId { get; set; }
    public List<string>? Warnings { get; set; }

    /// <summary>Clears the result so a compiled backend can reuse it for the next record.</summary>
    public void Reset()
    {
        Predicted = Value.Missing;
        Probabilities = null;
        Confidences = null;
        EntityId = null;
        Warnings = null;
    }

    public void Warn(string warning) => (Warnings ??= []).Add(warning);

    /// <summary>Sets the probabilities and predicts the first most probable category.</summary>
    public void SetDistribution(double[] probabilities)
    {
        Probabilities = probabilities;
        var best = -1;
        for (var i = 0; i < probabilities.Length; i++)
            if (!double.IsNaN(probabilities[i]) && (best < 0 || probabilities[i] > probabilities[best]))
                best = i;
        Predicted = best < 0 ? Value.Missing : Target.Categories[best];
    }
}
