using Qunyun.Engine.Moderation;
using Qunyun.Engine.Moderation.Detectors;

namespace Qunyun.Bench;

/// <summary>
/// `moderation-realdata [--data ../shared/realdata]`: imports every real word list (issues per kind), then counts
/// the messages of the real chat corpora that any list hits (false positives on ordinary chat) and the spam
/// samples caught by the word lists and by the link/contact detectors.
/// </summary>
internal static class ModerationRealData
{
    public static int Run(string[] args)
    {
        var corpus = ModerationCorpus.Open(args);
        var lists = new List<WordList>();
        Console.WriteLine("| list | lines | words | dup | 1-char | short | comma | space | punct | long | other |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var file in corpus.WordListFiles)
        {
            var bytes = File.ReadAllBytes(file);
            var result = WordListParser.Parse(bytes);
            var name = Path.GetFileNameWithoutExtension(file).Replace("konsheng_", "", StringComparison.Ordinal);
            lists.Add(new WordList(name, result.Words));
            var lines = File.ReadAllLines(file).Length;
            int[] counts = [.. new[] { WordListIssueKind.Duplicate, WordListIssueKind.SingleCharacter, WordListIssueKind.ShortWord, WordListIssueKind.CommaJoined, WordListIssueKind.StrayWhitespace, WordListIssueKind.PunctuationInside, WordListIssueKind.TooLong }.Select(result.Count)];
            var other = result.Issues.Count - counts.Sum();
            Console.WriteLine($"| {name} | {lines:N0} | {result.Words.Count:N0} | {string.Join(" | ", counts)} | {other} |");
        }

        var matcher = WordMatcher.Compile(lists);
        var withoutGeneral = WordMatcher.Compile(lists.Where(l => !l.Name.StartsWith("general", StringComparison.Ordinal)));
        var corpora = new (string Name, IReadOnlyList<string> Messages)[]
        {
            ("LCCC Weibo (zh)", corpus.ChineseMessages),
            ("Ubuntu IRC (en)", corpus.EnglishMessages),
            ("tg-spam ham (ru/en)", corpus.HamMessages),
            ("tg-spam spam (ru/en)", corpus.SpamMessages),
        };
        Console.WriteLine();
        Console.WriteLine("| corpus | messages | hit by any list | rate | without the general list | top lists | detector findings (messages) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- | ---: |");
        foreach (var (name, messages) in corpora)
        {
            var hitMessages = 0;
            var hitWithoutGeneral = messages.Count(m => withoutGeneral.IsMatch(m));
            var detected = 0;
            var perList = new Dictionary<string, int>();
            foreach (var message in messages)
            {
                var hits = matcher.Match(message);
                if (hits.Count > 0)
                {
                    hitMessages++;
                    foreach (var list in hits.Select(h => h.ListName).Distinct())
                    {
                        perList[list] = perList.GetValueOrDefault(list) + 1;
                    }
                }

                if (MessageDetectors.Detect(message, DetectorOptions.Default).Any(f => f.Kind is FindingKind.Link or FindingKind.InviteLink or FindingKind.ContactHandle or FindingKind.Phone))
                {
                    detected++;
                }
            }

            var top = string.Join(", ", perList.OrderByDescending(p => p.Value).Take(3).Select(p => $"{p.Key} {p.Value}"));
            Console.WriteLine($"| {name} | {messages.Count:N0} | {hitMessages:N0} | {100.0 * hitMessages / messages.Count:0.0} % | {hitWithoutGeneral:N0} ({100.0 * hitWithoutGeneral / messages.Count:0.0} %) | {top} | {detected:N0} |");
        }

        if (args.Contains("--samples"))
        {
            foreach (var message in corpus.EnglishMessages.Where(m => withoutGeneral.IsMatch(m)).Take(25))
            {
                Console.WriteLine($"{string.Join(",", withoutGeneral.Match(message).Select(h => $"{h.ListName}:{h.Word}='{message.Substring(h.Start, h.Length)}'"))}  <= {message}");
            }
        }

        return 0;
    }
}
