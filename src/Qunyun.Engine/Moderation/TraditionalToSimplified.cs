namespace Qunyun.Engine.Moderation;

/// <summary>Character-level traditional → simplified Chinese, from OpenCC's t2s table (see the generated data file).</summary>
internal static partial class TraditionalToSimplified
{
    public static int PairCount => Pairs.Length / 2;

    /// <summary>A table indexed by character: the simplified form, or the character itself.</summary>
    public static char[] BuildMap()
    {
        var map = new char[65536];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
        }

        for (var i = 0; i < Pairs.Length; i += 2)
        {
            map[Pairs[i]] = Pairs[i + 1];
        }

        return map;
    }
}
