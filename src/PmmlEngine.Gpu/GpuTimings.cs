namespace PmmlEngine.Gpu;

/// <summary>Where the last batch's time went, in milliseconds: host preparation, copies to and from the device, the kernel, host finishing.</summary>
public sealed record GpuTimings(double LoadMs, double UploadMs, double KernelMs, double DownloadMs, double FinishMs)
{
    public double TotalMs => LoadMs + UploadMs + KernelMs + DownloadMs + FinishMs;
}
