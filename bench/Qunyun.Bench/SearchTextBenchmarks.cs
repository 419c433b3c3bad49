using BenchmarkDotNet.Attributes;
using Qunyun.Engine.Text;

namespace Qunyun.Bench;

/// <summary>Search folding runs for every member written (names, identities) and every search typed.</summary>
[MemoryDiagnoser]
public class SearchTextBenchmarks
{
    [Params("王小林", "Jamie Park", "ＷｅＣｈａｔ ｕｓｅｒ　豆子咖啡会员群 12")]
    public string Text { get; set; } = "";

    [Benchmark]
    public string Fold() => SearchText.Fold(Text);
}
