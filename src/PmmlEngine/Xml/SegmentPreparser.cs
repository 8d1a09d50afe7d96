using System.Runtime.ExceptionServices;
using System.Xml.Linq;
using PmmlEngine.Evaluation;
using PmmlEngine.Model;

namespace PmmlEngine.Xml;

/// <summary>
/// Parses an ensemble's segments on a second core while the XML tree is still being read. A forest's trees are most of
/// its document and reading the XML is the longest step of its load, so each Segment whose model is not itself a
/// MiningModel is handed over as soon as its element is complete, and the document's parse takes the result when it
/// reaches that segment (<see cref="ParseContext.ParseSegmentModel"/>). The problems found meanwhile are held and
/// reported at that point, so a document reports exactly what, and in the order, a parse in one pass would.
/// </summary>
internal sealed class SegmentPreparser : IDisposable
{
    /// <summary>Segments queued before the second thread starts: an ensemble of a few models parses faster than a thread
    /// starts, and then they are parsed in turn as usual.</summary>
    private const int StartAt = 8;

    private readonly Queue<XElement> _pending = new();
    private readonly Dictionary<XElement, Parsed> _parsed = [];
    private Thread? _worker;
    private bool _complete;

    /// <summary>A preparser, or null where there is no second core to run it.</summary>
    public static SegmentPreparser? Create() => Environment.ProcessorCount > 1 ? new SegmentPreparser() : null;

    /// <summary>Whether the second thread was started (enough segments were offered).</summary>
    public bool Started => _worker is not null;

    /// <summary>Takes a complete Segment element from the reader; its model is queued unless it is an ensemble.</summary>
    public void Offer(XElement segment)
    {
        var model = FirstModel(segment);
        if (model is null || model.Name.LocalName == "MiningModel")
            return;
        lock (_pending)
        {
            _pending.Enqueue(model);
            if (_worker is null && _pending.Count >= StartAt)
            {
                // The parse recurses over the document's nesting, as on the loading thread: the same deep stack.
                _worker = new Thread(Work, DeepStack.StackBytes) { Name = "PmmlEngine segment parser", IsBackground = true };
                _worker.Start();
            }
            Monitor.Pulse(_pending);
        }
    }

    /// <summary>Called once the XML tree is complete: this thread parses what is still queued alongside the second one.</summary>
    public void Finish()
    {
        lock (_pending)
        {
            _complete = true;
            if (_worker is null)
                _pending.Clear();
            Monitor.PulseAll(_pending);
        }
        Work();
        _worker?.Join();
    }

    /// <summary>The model parsed ahead from <paramref name="element"/>, if it was.</summary>
    public bool TryTake(XElement element, out Parsed parsed)
    {
        lock (_pending)
            return _parsed.Remove(element, out parsed!);
    }

    /// <summary>Stops the second thread when the XML could not be read.</summary>
    public void Dispose()
    {
        lock (_pending)
        {
            _complete = true;
            _pending.Clear();
            Monitor.PulseAll(_pending);
        }
        _worker?.Join();
    }

    /// <summary>The first child that is a model, as <see cref="MiningModelParser"/> picks a segment's model.</summary>
    public static XElement? FirstModel(XElement segment)
    {
        foreach (var child in segment.Elements())
            if (ModelParser.IsModelElement(child.Name.LocalName))
                return child;
        return null;
    }

    private void Work()
    {
        while (Next() is { } element)
        {
            var context = ParseContext.Holding();
            Parsed parsed;
            try
            {
                parsed = new Parsed(ModelParser.Parse(context, element), context, null);
            }
            catch (Exception e)
            {
                parsed = new Parsed(null, context, ExceptionDispatchInfo.Capture(e));
            }
            lock (_pending)
                _parsed[element] = parsed;
        }
    }

    private XElement? Next()
    {
        lock (_pending)
        {
            while (_pending.Count == 0 && !_complete)
                Monitor.Wait(_pending);
            return _pending.Count > 0 ? _pending.Dequeue() : null;
        }
    }

    /// <summary>A model parsed ahead, with the problems its parse held, or what it threw.</summary>
    internal sealed record Parsed(ModelElement? Model, ParseContext Context, ExceptionDispatchInfo? Failure)
    {
        /// <summary>Reports the held problems through <paramref name="context"/> and returns the model, or throws what the
        /// parse threw, at the point where a parse in one pass would have.</summary>
        public ModelElement? Deliver(ParseContext context)
        {
            context.ReportHeld(Context);
            Failure?.Throw();
            return Model;
        }
    }
}
