using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

/// <summary>A planned DefineFunction. Its body is planned once; calls share it.</summary>
public sealed class UserFunction(string name, DataType?[] parameterTypes, DataType? resultType)
{
    public string Name { get; } = name;
    public DataType?[] ParameterTypes { get; } = parameterTypes;
    public DataType? ResultType { get; } = resultType;
    public PlanExpression Body { get; internal set; } = PlanExpression.MissingConstant;
}
