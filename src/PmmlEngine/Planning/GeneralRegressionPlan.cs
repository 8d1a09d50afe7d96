using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// A GeneralRegressionModel: each parameter is a product of terms over slots; each equation a row of coefficients
/// over the parameters, for the category in <see cref="EquationCategories"/> (-1 for regression).
/// </summary>
public sealed class GeneralRegressionPlan : ModelPlan
{
    public required GeneralRegressionType Type { get; init; }
    public required GrTerm[][] Parameters { get; init; }

    /// <summary>Whether some PPCell applies to one target category only, so each equation has its own parameter values.</summary>
    public bool PerCategoryTerms { get; init; }

    /// <summary>Per target category, whether it has PPCells of its own; those replace the cells for every category.</summary>
    public bool[] OwnTerms { get; init; } = [];
    public required double[][] Equations { get; init; }
    public required int[] EquationCategories { get; init; }
    public required GlmLink Link { get; init; }

    /// <summary>linkParameter for power and oddspower, distParameter for negbin.</summary>
    public required double LinkParameter { get; init; }

    public required CumulativeLink Cumulative { get; init; }
    public required int OffsetSlot { get; init; }
    public required double Offset { get; init; }
    public required int TrialsSlot { get; init; }
    public required double Trials { get; init; }

    /// <summary>The parameters' covariance matrix (PCovMatrix), or null: gives the prediction's standard error.</summary>
    public double[][]? Covariance { get; init; }

    /// <summary>CoxRegression's time, strata and baselines; null for other model types.</summary>
    public CoxPlan? Cox { get; init; }
}

/// <summary>
/// CoxRegression: the time slot, the strata slot (-1 when not stratified), Σβ·referencePoint, and per stratum the
/// baseline cumulative hazard at increasing times.
/// </summary>
public sealed record CoxPlan(int TimeSlot, int StrataSlot, double ReferenceShift, CoxBaselinePlan[] Baselines);

public sealed record CoxBaselinePlan(Value Stratum, double MaxTime, double[] Times, double[] CumulativeHazards);

/// <summary>A factor term is 1 when the slot equals <see cref="Level"/>, else 0; a covariate term is the slot's number to <see cref="Exponent"/>.</summary>
/// <remarks><see cref="Category"/>: the target category (index) whose equations the term applies to, -1 for all (PPCell targetCategory).</remarks>
public sealed record GrTerm(int Slot, Value Level, double Exponent, int Category = -1)
{
    /// <summary>A factor with a contrast matrix: the term is Contrast[index of the record's value in ContrastCategories][Column].</summary>
    public Value[]? ContrastCategories { get; init; }

    public double[][]? Contrast { get; init; }
    public string? Factor { get; init; }
    public int Column { get; init; }
}
