using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// What an association or sequence model found for a record: these models predict nothing; the record's items decide
/// which rules its OutputFields report.
/// </summary>
internal interface IRuleMatch
{
    /// <summary>Takes in the record's items (or transactions); the match is then valid until the next record.</summary>
    void Read(RowContext row);

    Value Report(RuleSelection selection, int rank);
}
