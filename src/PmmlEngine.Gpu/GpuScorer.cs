using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using PmmlEngine.Evaluation;
using PmmlEngine.Tensors;

namespace PmmlEngine.Gpu;

/// <summary>
/// Scores tree ensembles on a GPU with the numeric batch layout of <see cref="PmmlEvaluator.EvaluateBatch"/>. The host
/// prepares each row's columns through the record path (every missing, invalid and derived-field rule is the
/// interpreter's), or by copying them when the fields are plain numeric inputs; the device walks every tree for every
/// row; the host finishes each row's sums into its results (averages, Targets, the chain's final model, OutputFields).
/// One scorer per thread; it holds device memory until disposed.
/// </summary>
public sealed class GpuScorer : IDisposable
{
    private readonly PmmlEvaluator _evaluator;
    private readonly TensorBatch _batch;
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly DeviceForest _forest;
    private readonly Action<Index1D, ForestView, FloatColumns, ArrayView<double>> _floatKernel;
    private readonly Action<Index1D, ForestView, DoubleColumns, ArrayView<double>> _doubleKernel;
    private readonly Action<Index1D, ForestView, PerfectView, FloatColumns, ArrayView<double>>? _perfectFloatKernel;
    private readonly Action<Index1D, ForestView, PerfectView, DoubleColumns, ArrayView<double>>? _perfectDoubleKernel;

    private GpuScorer(PmmlEvaluator evaluator, TensorForest forest, Context context, Accelerator accelerator, bool perfect)
    {
        _evaluator = evaluator;
        _batch = new TensorBatch(evaluator, forest);
        _context = context;
        _accelerator = accelerator;
        _forest = new DeviceForest(accelerator, forest, perfect);
        _floatKernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ForestView, FloatColumns, ArrayView<double>>(ForestKernels.Sum);
        _doubleKernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ForestView, DoubleColumns, ArrayView<double>>(ForestKernels.Sum);
        if (_forest.Perfect is not null)
        {
            _perfectFloatKernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ForestView, PerfectView, FloatColumns, ArrayView<double>>(ForestKernels.SumPerfect);
            _perfectDoubleKernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ForestView, PerfectView, DoubleColumns, ArrayView<double>>(ForestKernels.SumPerfect);
        }
    }

    /// <summary>Plans the evaluator's model for the device and loads the kernels.</summary>
    /// <exception cref="Errors.PmmlUnsupportedException">The model is no tree ensemble the kernels compute; the message says why and where.</exception>
    /// <exception cref="GpuUnavailableException">No device of the kind asked for.</exception>
    public static GpuScorer Create(PmmlEvaluator evaluator, GpuDevice device = GpuDevice.Cuda) => Create(evaluator, device, perfect: true);

    /// <param name="evaluator">The model.</param>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="perfect">Whether shallow forests may use the complete-tree kernel (tests turn it off to check the general one).</param>
    internal static GpuScorer Create(PmmlEvaluator evaluator, GpuDevice device, bool perfect)
    {
        var forest = TensorForestBuilder.Build(evaluator.DocumentPlan);
        var context = Context.Create(builder => builder.Default());
        try
        {
            Device chosen = device == GpuDevice.Cpu ? context.GetCPUDevice(0)
                : context.GetCudaDevices().Count > 0 ? context.GetCudaDevice(0) : throw new GpuUnavailableException(
                    $"No CUDA GPU found (devices seen: {string.Join(", ", context.Devices.Select(d => $"{d.Name} [{d.AcceleratorType}]"))}). " +
                    "GPU scoring needs an NVIDIA GPU and its driver; the compiled CPU backend scores the same model.");
            return new GpuScorer(evaluator, forest, context, chosen.CreateAccelerator(context), perfect);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Whether a CUDA GPU is present.</summary>
    public static bool IsCudaAvailable()
    {
        using var context = Context.Create(builder => builder.Cuda());
        return context.GetCudaDevices().Count > 0;
    }

    public string DeviceName => $"{_accelerator.Name} ({_accelerator.AcceleratorType})";

    /// <summary>
    /// Whether the complete-tree kernel scores this model (trees of depth ≤ 10 whose missing values follow a child or stop at a leaf);
    /// otherwise the node-array kernel, which takes any tree.
    /// </summary>
    public bool UsesPerfectLayout => _forest.Perfect is not null;

    /// <summary>Where the last batch spent its time.</summary>
    public GpuTimings? LastTimings { get; private set; }

    /// <summary>As <see cref="PmmlEvaluator.EvaluateBatch"/>: same layouts, same codes, NaN results for rejected records, whose count it returns.</summary>
    public int EvaluateBatch(ReadOnlyMemory<double> inputs, Memory<double> results) => EvaluateBatch(inputs, results, Memory<bool>.Empty);

    /// <summary>As <see cref="EvaluateBatch(ReadOnlyMemory{double}, Memory{double})"/>, marking each rejected record in <paramref name="rejected"/> (one per row).</summary>
    public int EvaluateBatch(ReadOnlyMemory<double> inputs, Memory<double> results, Memory<bool> rejected)
    {
        var rows = BatchScorer.Rows(_evaluator, inputs, results);
        if (!rejected.IsEmpty && rejected.Length != rows)
            throw new ArgumentException($"rejected must hold one flag per row ({rows}), not {rejected.Length}", nameof(rejected));
        var forest = _batch.Forest;
        var clock = Stopwatch.StartNew();
        var columns = new double[(long)rows * forest.Width];
        var states = new RowState[rows];
        _batch.Load(inputs, rows, columns, states);
        var load = Lap(clock);

        var sums = new double[(long)rows * forest.RawWidth];
        double upload, kernel, download;
        using (var sumBuffer = _accelerator.Allocate1D<double>(Math.Max(1, sums.Length)))
        {
            var view = _forest.View;
            var target = sumBuffer.View;
            upload = IsFloatExact(columns)
                ? Launch(Transpose(columns, rows, forest.Width, x => (float)x), clock, values =>
                {
                    if (_forest.Perfect is { } perfect)
                        _perfectFloatKernel!(rows, view, perfect, new FloatColumns(values, _forest.PerfectFloatThresholds, rows), target);
                    else
                        _floatKernel(rows, view, new FloatColumns(values, _forest.FloatThresholds, rows), target);
                })
                : Launch(Transpose(columns, rows, forest.Width, x => x), clock, values =>
                {
                    if (_forest.Perfect is { } perfect)
                        _perfectDoubleKernel!(rows, view, perfect, new DoubleColumns(values, _forest.PerfectDoubleThresholds, rows), target);
                    else
                        _doubleKernel(rows, view, new DoubleColumns(values, _forest.DoubleThresholds, rows), target);
                });
            kernel = Lap(clock);
            if (sums.Length > 0)
                sumBuffer.View.SubView(0, sums.Length).CopyToCPU(sums);
            download = Lap(clock);
        }
        var errors = _batch.Finish(inputs, sums, states, results, rejected);
        LastTimings = new GpuTimings(load, upload, kernel, download, Lap(clock));
        return errors;
    }

    /// <summary>Copies the columns to the device and runs the kernel on them; returns the copy's time (the clock then times the kernel).</summary>
    private double Launch<T>(T[] values, Stopwatch clock, Action<ArrayView<T>> kernel) where T : unmanaged
    {
        using var buffer = _accelerator.Allocate1D(values);
        _accelerator.Synchronize();
        var upload = Lap(clock);
        kernel(buffer.View);
        _accelerator.Synchronize();
        return upload;
    }

    /// <summary>Row-major columns to the device's column-major order, converted, in parallel blocks of rows.</summary>
    private static T[] Transpose<T>(double[] columns, int rows, int width, Func<double, T> convert)
    {
        var result = new T[Math.Max(1, (long)rows * width)];
        Parallel.For(0, (rows + 4095) / 4096, block =>
        {
            var end = Math.Min(rows, (block + 1) * 4096);
            for (var r = block * 4096; r < end; r++)
                for (var f = 0; f < width; f++)
                    result[(long)f * rows + r] = convert(columns[(long)r * width + f]);
        });
        return result;
    }

    /// <summary>Whether every column value survives a round trip through float (NaN included): then the float kernel is exact.</summary>
    private static bool IsFloatExact(double[] columns)
    {
        var exact = true;
        Parallel.For(0, (columns.Length + 65535) / 65536, (c, state) =>
        {
            var end = Math.Min(columns.Length, (c + 1) * 65536);
            for (var i = c * 65536; i < end; i++)
            {
                var x = columns[i];
                if ((double)(float)x != x && !double.IsNaN(x))
                {
                    exact = false;
                    state.Stop();
                    return;
                }
            }
        });
        return exact;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }

    public void Dispose()
    {
        _forest.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
