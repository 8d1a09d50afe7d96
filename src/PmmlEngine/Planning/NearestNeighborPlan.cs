using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A NearestNeighborModel with its training instances typed and, for numeric absDiff inputs, a k-d tree over them.</summary>
public sealed class NearestNeighborPlan : ModelPlan
{
    /// <summary>Neighbours per record: numberOfNeighbors, or every instance when there are fewer.</summary>
    public required int K { get; init; }

    public required ComparisonMeasure Measure { get; init; }
    public required double Power { get; init; }

    /// <summary>A binary similarity measure: larger is closer, and neighbours are ranked by similarity.</summary>
    public bool Similarity => Functions.ComparisonMath.IsBinary(Measure.Measure);
    public required KnnInputPlan[] Inputs { get; init; }

    /// <summary>Per instance, per input: the value, and the same as a number (NaN where it is not one).</summary>
    public required Value[][] Cells { get; init; }

    public required double[][] Points { get; init; }

    /// <summary>Per instance, its target value (missing when the model has none) and its id.</summary>
    public required Value[] Targets { get; init; }

    public required string[] Ids { get; init; }
    public required ContinuousScoringMethod ContinuousScoring { get; init; }
    public required bool WeightedVote { get; init; }
    public required double Threshold { get; init; }

    /// <summary>The spatial index, or null where the measure or data need a linear scan.</summary>
    public KdTree? Index { get; init; }
}

/// <summary>A compared input: its slot, weight and compare function, and whether it is compared as a number.</summary>
public sealed record KnnInputPlan(int Slot, double Weight, CompareFunction Compare, bool Numeric);
