using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>
/// A GP kernel: radialBasis γ·exp(−‖x−z‖²/(2λ²)); ardSquaredExponential γ·exp(−½Σ(xᵢ−zᵢ)²/λᵢ²); absoluteExponential
/// γ·exp(−Σ|xᵢ−zᵢ|/λᵢ); generalizedExponential γ·exp(−Σ(|xᵢ−zᵢ|/λᵢ)^degree); noiseVariance is added on the training diagonal.
/// </summary>
public sealed record GaussianProcessKernel(GaussianProcessKernelType Type, double Gamma, double NoiseVariance, ImmutableArray<double> Lambda, double Degree);
