using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>An OutputField value, written when its model has been evaluated; missing until then.</summary>
public sealed class ResultSlot(string name, DataType dataType, OpType opType) : SlotDefinition(name, dataType, opType);
