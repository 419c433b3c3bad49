using System.Text.Json;
using Qunyun.Features.Connectors.WeCom;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>WXBizMsgCrypt against the official test vectors (doc 90968): signatures, decryption and re-encryption.</summary>
public sealed class WeComCryptoTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wecom", name));

    private static JsonElement Official => JsonDocument.Parse(Fixture("wxbizmsgcrypt_test_vectors.json")).RootElement.GetProperty("official_wecom_sample");

    private static byte[] Key => WeComCrypto.KeyOf(Official.GetProperty("encodingAesKey").GetString())!;

    [Fact]
    public void KeyOf_OfficialEncodingAesKey_IsTheDocumentedKey()
    {
        Assert.Equal(Official.GetProperty("aesKey_hex").GetString(), Convert.ToHexStringLower(Key));
    }

    [Fact]
    public void VerifyUrlVector_SignatureMatchesAndEchostrDecrypts()
    {
        var verify = Official.GetProperty("verify_url");
        var echostr = verify.GetProperty("echostr_urldecoded").GetString()!;

        var signed = WeComCrypto.SignatureMatches(Official.GetProperty("token").GetString()!, verify.GetProperty("timestamp").GetString()!,
            verify.GetProperty("nonce").GetString()!, echostr, verify.GetProperty("msg_signature").GetString());
        var plain = WeComCrypto.Decrypt(Key, echostr);

        Assert.True(signed);
        Assert.Equal(new WeComPlain("1616140317555161061", "wx5823bf96d3bd56c7"), plain);
    }

    [Fact]
    public void PostVector_DecryptsToTheDocumentedMessage_AndReEncryptsToTheSameCiphertext()
    {
        var post = Official.GetProperty("post_message");
        var encrypted = WeComXml.Parse(Fixture("official_post_envelope.xml"))!.Text("Encrypt")!;
        var expected = Fixture("official_post_envelope.decrypted.xml");

        var signed = WeComCrypto.SignatureMatches(Official.GetProperty("token").GetString()!, post.GetProperty("timestamp").GetString()!,
            post.GetProperty("nonce").GetString()!, encrypted, post.GetProperty("msg_signature").GetString());
        var plain = WeComCrypto.Decrypt(Key, encrypted)!;
        var again = WeComCrypto.Encrypt(Key, plain.Message, plain.ReceiveId, Convert.FromHexString(post.GetProperty("random16_hex").GetString()!));

        Assert.True(signed);
        Assert.Equal(expected.TrimEnd('\n'), plain.Message.TrimEnd('\n'));
        Assert.Equal("wx5823bf96d3bd56c7", plain.ReceiveId);
        Assert.Equal(encrypted, again);
    }

    [Fact]
    public void VerifyVector_ReEncryptsWithItsRandomBytes_ToTheSameEchostr()
    {
        var verify = Official.GetProperty("verify_url");

        var again = WeComCrypto.Encrypt(Key, "1616140317555161061", "wx5823bf96d3bd56c7", Convert.FromHexString(verify.GetProperty("random16_hex").GetString()!));

        Assert.Equal(verify.GetProperty("echostr_urldecoded").GetString(), again);
    }

    [Fact]
    public void Decrypt_WrongKeyOrTamperedOrTruncated_IsNull()
    {
        var echostr = Official.GetProperty("verify_url").GetProperty("echostr_urldecoded").GetString()!;
        var otherKey = WeComCrypto.KeyOf(WeComSecrets.NewEncodingAesKey())!;
        var bytes = Convert.FromBase64String(echostr);
        bytes[^1] ^= 0x5a;

        Assert.Null(WeComCrypto.Decrypt(otherKey, echostr));
        Assert.Null(WeComCrypto.Decrypt(Key, Convert.ToBase64String(bytes)));
        Assert.Null(WeComCrypto.Decrypt(Key, echostr[..20]));
        Assert.Null(WeComCrypto.Decrypt(Key, "not base64 at all!"));
    }

    [Fact]
    public void ReplyEnvelope_IsSignedOverItsCiphertext_AndDecryptsBack()
    {
        var reply = "<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到，谢谢]]></Content></xml>";
        var encrypted = WeComCrypto.Encrypt(Key, reply, "wx5823bf96d3bd56c7");
        var envelope = WeComXml.Parse(WeComXml.ReplyEnvelope(encrypted, WeComCrypto.Signature("QDG6eK", "1409659813", "1372623149", encrypted), "1409659813", "1372623149"))!;

        Assert.True(WeComCrypto.SignatureMatches("QDG6eK", envelope.Text("TimeStamp")!, envelope.Text("Nonce")!, envelope.Text("Encrypt")!, envelope.Text("MsgSignature")));
        Assert.Equal(reply, WeComCrypto.Decrypt(Key, envelope.Text("Encrypt")!)!.Message);
    }

    [Fact]
    public void GeneratedSecrets_AreValidTokenAndKey()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Empty(WeComCredentials.Problems(new WeComCredentials("corp", "secret", WeComSecrets.NewToken(), WeComSecrets.NewEncodingAesKey())));
        }
    }

    [Fact]
    public void Parse_DocumentWithDtdOrExternalEntity_IsRefused()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>";
        const string bomb = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml>&b;</xml>";

        Assert.Null(WeComXml.Parse(xxe));
        Assert.Null(WeComXml.Parse(bomb));
        Assert.Null(WeComXml.Parse("<xml><Encrypt>unclosed"));
        Assert.NotNull(WeComXml.Parse("<xml><Encrypt>ok</Encrypt></xml>"));
    }
}
