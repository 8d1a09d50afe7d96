namespace PmmlEngine.Model;

public enum BooleanOperator
{
    And,
    Or,
    Xor,
    Surrogate,
}
