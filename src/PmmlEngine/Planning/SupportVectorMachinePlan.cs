using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A SupportVectorMachineModel with its vector fields resolved to slots and its vectors dense.</summary>
public sealed class SupportVectorMachinePlan : ModelPlan
{
    public required SvmKernel Kernel { get; init; }
    public required SvmInputPlan[] Inputs { get; init; }

    /// <summary>The VectorDictionary's vectors; machines refer to them by index. Empty in the Coefficients representation.</summary>
    public required double[][] Vectors { get; init; }

    public required SvmMachinePlan[] Machines { get; init; }

    /// <summary>Coefficients representation: each machine's coefficients weigh the inputs directly.</summary>
    public required bool Linear { get; init; }

    public required bool OneAgainstOne { get; init; }
    public required bool MaxWins { get; init; }
}

/// <summary>An input coordinate: the slot's number, or for a category <see cref="Coefficient"/> when it matches, else 0.</summary>
public sealed record SvmInputPlan(int Slot, Value Category, double Coefficient);

/// <summary>
/// A machine: coefficients on <see cref="Vectors"/> (indices into the plan's vectors, or the inputs when linear), its
/// bias, threshold and the indices of its target and alternate categories (-1 where none).
/// </summary>
public sealed record SvmMachinePlan(int[] Vectors, double[] Coefficients, double Bias, double Threshold, int Target, int Alternate);
