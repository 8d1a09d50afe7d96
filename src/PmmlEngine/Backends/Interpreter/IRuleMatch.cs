using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>What an association or sequence model found for a record: rule outputs are chosen from it.</summary>
internal interface IRuleMatch
{
    Value Report(RuleSelection selection, int rank);
}
