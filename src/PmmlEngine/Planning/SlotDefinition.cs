using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>How the value of one slot of the row buffer is obtained. Every field of every scope has exactly one slot.</summary>
public abstract class SlotDefinition(string name, DataType dataType, OpType opType)
{
    public string Name { get; } = name;
    public DataType DataType { get; } = dataType;
    public OpType OpType { get; } = opType;
    public int Index { get; internal set; }
}
