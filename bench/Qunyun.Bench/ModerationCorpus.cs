using System.Text;
using Qunyun.Engine.Moderation;

namespace Qunyun.Bench;

/// <summary>
/// Reads the real chat text and word lists of ../shared/realdata (see its README for sources and licences; nothing
/// of it is copied into the repository) and derives the benchmark inputs from them with a fixed seed.
/// </summary>
internal sealed class ModerationCorpus(string root)
{
    public string Root { get; } = root;

    public static ModerationCorpus Open(string[] args)
    {
        var root = Option(args, "--data") ?? FindDefault();
        if (!Directory.Exists(Path.Combine(root, "corpora")) || !Directory.Exists(Path.Combine(root, "wordlists")))
        {
            throw new DirectoryNotFoundException($"No realdata folder at '{root}' (expected corpora/ and wordlists/); pass --data <path>.");
        }

        return new ModerationCorpus(root);
    }

    public IEnumerable<string> WordListFiles => Directory.EnumerateFiles(Path.Combine(Root, "wordlists"), "*.txt").Order(StringComparer.Ordinal);

    public IReadOnlyList<string> ChineseMessages =>
        Lines("corpora/chinese/lccc_toy_valid.utterances.despaced.txt");

    /// <summary>IRC lines without the time stamp and nick, and without the "=== X has joined" system lines.</summary>
    public IReadOnlyList<string> EnglishMessages =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "corpora/english"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(l => !l.StartsWith("===", StringComparison.Ordinal))
            .Select(l => l.IndexOf("> ", StringComparison.Ordinal) is var i and >= 0 ? l[(i + 2)..] : l)
            .Where(l => l.Length > 0)];

    public IReadOnlyList<string> SpamMessages => Lines("corpora/spam/tg-spam_spam-samples.txt");

    public IReadOnlyList<string> HamMessages => Lines("corpora/spam/tg-spam_ham-samples.txt");

    public IReadOnlyList<string> Lines(string relative) =>
        [.. File.ReadLines(Path.Combine(Root, relative)).Where(l => !string.IsNullOrWhiteSpace(l))];

    /// <summary>10,000 words, 70 % Chinese (real list entries first, then character pairs and triples drawn from the
    /// Chinese chat text by frequency) and 30 % English-like (pronounceable random strings, 4–9 letters).</summary>
    public IReadOnlyList<string> BenchmarkWords(int total, int seed)
    {
        var random = new Random(seed);
        var chineseTarget = total * 7 / 10;
        var chinese = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in WordListFiles)
        {
            foreach (var word in WordListParser.Parse(File.ReadAllBytes(file)).Words)
            {
                var folded = TextFolder.FoldToString(word);
                if (folded.Length >= 2 && folded.All(c => c is >= '\u4E00' and <= '\u9FFF') && chinese.Count < chineseTarget)
                {
                    chinese.Add(folded);
                }
            }
        }

        var characters = ChineseMessages.SelectMany(m => m).Where(c => c is >= '\u4E00' and <= '\u9FFF').ToArray();
        while (chinese.Count < chineseTarget)
        {
            var length = random.Next(2, 5);
            var word = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                word.Append(characters[random.Next(characters.Length)]);
            }

            chinese.Add(word.ToString());
        }

        const string consonants = "bcdfghjklmnprstvwxz";
        const string vowels = "aeiouy";
        var english = new HashSet<string>(StringComparer.Ordinal);
        while (english.Count < total - chineseTarget)
        {
            var length = random.Next(4, 10);
            var word = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                word.Append(i % 2 == 0 ? consonants[random.Next(consonants.Length)] : vowels[random.Next(vowels.Length)]);
            }

            english.Add(word.ToString());
        }

        return [.. chinese, .. english];
    }

    /// <summary>Chat messages drawn at random from the Chinese, English and spam corpora until their UTF-8 size
    /// reaches <paramref name="utf8Bytes"/>.</summary>
    public IReadOnlyList<string> BenchmarkMessages(long utf8Bytes, int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<string>[] pools = [ChineseMessages, EnglishMessages, SpamMessages, HamMessages];
        int[] weights = [55, 35, 5, 5];
        var messages = new List<string>();
        long size = 0;
        while (size < utf8Bytes)
        {
            var roll = random.Next(100);
            var pool = 0;
            while (roll >= weights[pool])
            {
                roll -= weights[pool];
                pool++;
            }

            var message = pools[pool][random.Next(pools[pool].Count)];
            messages.Add(message);
            size += Encoding.UTF8.GetByteCount(message);
        }

        return messages;
    }

    public static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static string FindDefault()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "realdata");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "..", "shared", "realdata");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return "../shared/realdata";
    }
}
