namespace PmmlEngine.Model;

/// <summary>linear x·y; polynomial (γ·x·y + c₀)^d; radialBasis exp(−γ·‖x−y‖²); sigmoid tanh(γ·x·y + c₀).</summary>
public sealed record SvmKernel(SvmKernelType Type, double Gamma, double Coef0, double Degree);
