using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// A TimeSeriesModel's StateSpaceModel: the final state, the transition matrix F, the measurement matrix H (one row)
/// and the intercept; the h-step forecast is H·Fʰ·state + intercept.
/// </summary>
public sealed record StateSpaceModel(
    ImmutableArray<double> State,
    ImmutableArray<ImmutableArray<double>> Transition,
    ImmutableArray<double> Measurement,
    double Intercept,
    Errors.SourceLocation Location);
