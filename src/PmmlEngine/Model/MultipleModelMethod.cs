namespace PmmlEngine.Model;

public enum MultipleModelMethod
{
    MajorityVote,
    WeightedMajorityVote,
    Average,
    WeightedAverage,
    Median,
    WeightedMedian,
    Max,
    Sum,
    WeightedSum,
    SelectFirst,
    SelectAll,
    ModelChain,
}
