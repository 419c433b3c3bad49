using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Qunyun.Features.Imports;

namespace Qunyun.Tests.Imports;

[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

[Collection(nameof(MemoryMeasurement))]
public sealed class JsonArrayStreamTests
{
    [Fact]
    public async Task Read_ElementsLargerThanTheBufferAndSpanningRefills_AreAllReturned()
    {
        var big = new string('咖', 50_000); // 150 KB in UTF-8, bigger than the 64 KB buffer
        var json = $"{{\"name\":\"x\",\"skip\":{{\"deep\":[1,2,3]}},\"id\":7,\"messages\":[{{\"id\":1,\"text\":\"{big}\"}}" +
                   string.Concat(Enumerable.Range(2, 5000).Select(i => $",{{\"id\":{i},\"text\":\"第{i}条\"}}")) + "],\"tail\":true}";
        var header = new JsonArrayStream.Header();

        var items = new List<JsonElement>();
        await foreach (var item in JsonArrayStream.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "messages", header))
        {
            items.Add(item);
        }

        Assert.Equal(5001, items.Count);
        Assert.Equal(big, items[0].GetProperty("text").GetString());
        Assert.Equal("第5001条", items[^1].GetProperty("text").GetString());
        Assert.Equal(7, header.Properties["id"].GetInt32());
        Assert.False(header.Properties.ContainsKey("skip"));
    }

    [Fact]
    public async Task Read_TruncatedOrWithoutTheArray_Throws()
    {
        static async Task Drain(string json)
        {
            await foreach (var _ in JsonArrayStream.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "messages", new JsonArrayStream.Header()))
            {
            }
        }

        await Assert.ThrowsAnyAsync<JsonException>(() => Drain("{\"id\":1,\"messages\":[{\"id\":1},{\"id\":"));
        await Assert.ThrowsAnyAsync<JsonException>(() => Drain("{\"id\":1}"));
    }

    [Fact]
    public async Task Read_A100MegabyteExport_UsesBoundedMemory()
    {
        await using var export = new GeneratedExport(messages: 400_000); // ≈ 100 MB of JSON, produced on the fly
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        var count = 0;

        await foreach (var message in JsonArrayStream.ReadAsync(export, "messages", new JsonArrayStream.Header()))
        {
            count++;
            if (count % 20_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        Assert.Equal(400_000, count);
        Assert.True(export.Produced > 100_000_000, $"only {export.Produced:N0} bytes were produced");
        Assert.True(peak - before < 32 * 1024 * 1024, $"heap grew by {(peak - before) / 1024 / 1024} MB while streaming");
    }

    /// <summary>A read-only stream that writes a Telegram-like export as it is read, so no file or buffer holds it.</summary>
    private sealed class GeneratedExport(int messages) : Stream
    {
        private readonly Queue<byte> _pending = new(Encoding.UTF8.GetBytes("{\"name\":\"大群\",\"type\":\"private_supergroup\",\"id\":42,\"messages\":["));
        private int _next;

        public long Produced { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_pending.Count < count && _next <= messages)
            {
                var text = _next == messages ? "]}" : (_next == 0 ? "" : ",") +
                    $"{{\"id\":{_next},\"type\":\"message\",\"date\":\"2026-01-01T00:00:00\",\"from\":\"用户{_next % 5000}\",\"from_id\":\"user{_next % 5000}\"," +
                    $"\"text\":\"{new string('好', 40)} 第 {_next} 条消息 with some English words to pad the line out a little more\"}}";
                foreach (var b in Encoding.UTF8.GetBytes(text))
                {
                    _pending.Enqueue(b);
                }

                _next++;
            }

            var written = 0;
            while (written < count && _pending.Count > 0)
            {
                buffer[offset + written++] = _pending.Dequeue();
            }

            Produced += written;
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Produced; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
