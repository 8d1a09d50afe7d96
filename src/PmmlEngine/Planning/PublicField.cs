using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>
/// A target or output field as callers see it. An output of a selectFirst or modelChain segment may be produced by any
/// of several segments: <see cref="Slots"/> lists them and the first one scored in a record gives the value.
/// </summary>
public sealed class PublicField(string name, DataType dataType, OpType opType, int[] slots)
{
    public string Name { get; } = name;
    public DataType DataType { get; } = dataType;
    public OpType OpType { get; } = opType;
    public int[] Slots { get; internal set; } = slots;
}
