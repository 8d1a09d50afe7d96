using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// PMML SupportVectorMachineModel: a kernel, a dictionary of vectors over the vector fields, and one or more machines
/// f(x) = Σ αᵢ·K(x, vᵢ) + b (or, in the Coefficients representation, Σ cᵢ·xᵢ + b).
/// </summary>
public sealed record SupportVectorMachineModel : ModelElement
{
    public required SvmKernel Kernel { get; init; }
    public double Threshold { get; init; }
    public bool CoefficientsRepresentation { get; init; }

    /// <summary>The classificationMethod attribute; null when the document leaves it out (old R exports).</summary>
    public SvmClassificationMethod? ClassificationMethod { get; init; }

    public bool MaxWins { get; init; }
    public string? AlternateBinaryTargetCategory { get; init; }

    /// <summary>VectorFields: a field (Category null) or a CategoricalPredictor's indicator times its coefficient.</summary>
    public required ImmutableArray<SvmVectorField> VectorFields { get; init; }

    public required ImmutableArray<SupportVectorInstance> Vectors { get; init; }
    public required ImmutableArray<SupportVectorMachine> Machines { get; init; }
}
