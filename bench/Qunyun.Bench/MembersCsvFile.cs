using System.Globalization;
using System.Text;

namespace Qunyun.Bench;

/// <summary>
/// <c>members-csv [--rows 100000] [--out members.csv]</c>: writes a members file the way an SCRM exports one (Chinese
/// headers, UTF-8 with BOM, quoted notes with commas and line breaks, about 1% bad e-mails) to time
/// <c>qunyun import members</c> on (see docs/benchmarks.md).
/// </summary>
internal static class MembersCsvFile
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓燕", "思远"];
    private static readonly string[] Cities = ["上海", "北京", "广州", "深圳", "杭州", "成都", "南京", "武汉", "西安", "苏州"];
    private static readonly string[] Tags = ["VIP", "咖啡", "新人", "手冲", "品鉴会", "老客户"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Option(args, "--rows") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 100_000;
        var path = Option(args, "--out") ?? "members.csv";
        var random = new Random(20261123);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("姓名,手机,邮箱,城市,微信号,标签,备注");
        for (var i = 0; i < rows; i++)
        {
            var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            var phone = $"1{random.Next(3, 10)}{i:D9}";
            var email = random.Next(100) == 0 ? $"user{i}-at-example.com" : $"user{i}@example.com";
            var tags = string.Join(',', Tags.Where(_ => random.Next(4) == 0));
            var note = random.Next(10) == 0 ? $"\"来自 {Cities[random.Next(Cities.Length)]} 的活动,\n第 {i % 7 + 1} 期\"" : "";
            await writer.WriteLineAsync($"{name},{phone},{email},{Cities[random.Next(Cities.Length)]},wx_{i},\"{tags}\",{note}");
        }

        await Console.Error.WriteLineAsync($"{rows:N0} rows written to {path}");
        return 0;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
