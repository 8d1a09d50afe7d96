using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 TimeSeriesModel forecasts h ≥ 1 periods ahead. Exponential smoothing (Gardner's forms): level L plus h·T
/// (additive), Σφⁱ·T for i ≤ h (damped additive), times Tʰ or T^Σφⁱ (multiplicative, damped), then plus or times the
/// seasonal index of that period, then the inverse of the series' transformation. ARIMA (conditional least squares,
/// seasonal or not): the series continued by its multiplied-out recursion with future shocks 0.
/// A missing or non-positive horizon means no forecast.
/// </summary>
internal static class TimeSeriesInterpreter
{
    public const int MaxHorizon = 100_000;

    public static ModelResult Evaluate(TimeSeriesPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result);
        return result;
    }

    internal static void Score(TimeSeriesPlan plan, RowContext row, ModelResult result)
    {
        if (!row.Get(plan.HorizonSlot).TryGetNumber(out var horizon) || horizon < 1 || horizon != Math.Floor(horizon))
            return;
        // ARIMA and state space forecasts step through every period up to h; a horizon this far out is a data error.
        if (horizon > MaxHorizon)
            throw new Errors.PmmlEvaluationException($"forecast horizon {horizon} exceeds the largest supported, {MaxHorizon}",
                plan.HorizonField);
        var h = (int)horizon;
        result.Predicted = Value.Of(plan.Smoothing is { } smoothing ? Smooth(smoothing, h)
            : plan.StateSpace is { } space ? StateSpace(space, h)
            : Arima(plan, h));
        if (plan.Arima is { Rmse: { } rmse })
            result.StandardError = rmse * Math.Sqrt(PsiSquares(plan, h));
    }

    private static double Smooth(ExponentialSmoothing s, int h)
    {
        // Σφⁱ for i = 1..h, in closed form.
        var damping = s.Phi == 1 ? h : s.Phi * (1 - Math.Pow(s.Phi, h)) / (1 - s.Phi);
        var y = s.Trend switch
        {
            ExpoSmoothTrend.Additive => s.Level + h * s.TrendValue,
            ExpoSmoothTrend.DampedAdditive => s.Level + damping * s.TrendValue,
            ExpoSmoothTrend.Multiplicative => s.Level * Math.Pow(s.TrendValue, h),
            ExpoSmoothTrend.DampedMultiplicative => s.Level * Math.Pow(s.TrendValue, damping),
            _ => s.Level,
        };
        if (s.Seasonality != ExpoSmoothSeasonality.None)
        {
            var index = s.Seasonal[(s.SeasonalPhase + h - 1) % s.Seasonal.Length];
            y = s.Seasonality == ExpoSmoothSeasonality.Additive ? y + index : y * index;
        }
        return s.Transformation switch
        {
            ExpoSmoothTransformation.Logarithmic => Math.Exp(y),
            ExpoSmoothTransformation.Squareroot => y * y,
            _ => y,
        };
    }

    /// <summary>
    /// Σψⱼ² for j &lt; h, the ψ being the weights of the model as an infinite moving average (the moving-average
    /// polynomial over the autoregressive one). The h-step forecast error variance is σ² times this sum.
    /// </summary>
    private static double PsiSquares(TimeSeriesPlan plan, int h)
    {
        var (ar, ma) = (plan.AutoRegressive, plan.MovingAverage);
        var psi = new double[h];
        var sum = 0.0;
        for (var j = 0; j < h; j++)
        {
            psi[j] = j < ma.Length ? ma[j] : 0;
            for (var i = 1; i <= Math.Min(j, ar.Length - 1); i++)
                psi[j] -= ar[i] * psi[j - i];
            sum += psi[j] * psi[j];
        }
        return sum;
    }

    /// <summary>H·Fʰ·state + intercept: the state moved h steps by the transition matrix, then measured.</summary>
    private static double StateSpace(StateSpaceModel model, int h)
    {
        var state = model.State.ToArray();
        var next = new double[state.Length];
        for (var step = 0; step < h; step++)
        {
            for (var i = 0; i < state.Length; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < state.Length; j++)
                    sum += model.Transition[i][j] * state[j];
                next[i] = sum;
            }
            (state, next) = (next, state);
        }
        var y = model.Intercept;
        for (var i = 0; i < state.Length; i++)
            y += model.Measurement[i] * state[i];
        return y;
    }

    /// <summary>yₜ = c − Σaᵢ·yₜ₋ᵢ + Σmⱼ·εₜ₋ⱼ with the polynomials multiplied out, continued h steps with future shocks 0.</summary>
    private static double Arima(TimeSeriesPlan plan, int h)
    {
        var (model, ar, ma) = (plan.Arima!, plan.AutoRegressive, plan.MovingAverage);
        var y = model.Series.ToList();
        var shocks = model.Residuals.ToList();
        for (var step = 0; step < h; step++)
        {
            var next = model.Constant;
            for (var i = 1; i < ar.Length; i++)
                next -= ar[i] * y[^i];
            for (var j = 1; j < ma.Length; j++)
                next += ma[j] * shocks[^j];
            y.Add(next);
            shocks.Add(0);
        }
        return y[^1];
    }
}
