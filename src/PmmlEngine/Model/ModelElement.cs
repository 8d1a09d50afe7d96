using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>What every model element has: schema, outputs, targets, local transformations.</summary>
public abstract record ModelElement
{
    public required string ElementName { get; init; }
    public required MiningFunction Function { get; init; }
    public string? ModelName { get; init; }
    public string? AlgorithmName { get; init; }
    public required ImmutableArray<MiningField> MiningSchema { get; init; }
    public ImmutableArray<OutputField> Output { get; init; } = [];
    public ImmutableArray<Target> Targets { get; init; } = [];
    public ImmutableArray<DerivedField> LocalTransformations { get; init; } = [];
    public ModelVerification? Verification { get; init; }
    public MathContext MathContext { get; init; }
    public bool IsScorable { get; init; } = true;
    public required SourceLocation Location { get; init; }
}
