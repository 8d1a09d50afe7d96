namespace PmmlEngine.Gpu;

/// <summary>Where <see cref="GpuScorer"/> runs its kernels.</summary>
public enum GpuDevice
{
    /// <summary>The first CUDA GPU; <see cref="GpuScorer.Create(PmmlEngine.Evaluation.PmmlEvaluator, GpuDevice)"/> says so clearly when there is none.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator: the same kernels on the CPU, slowly, for tests and machines without a GPU.</summary>
    Cpu,
}
