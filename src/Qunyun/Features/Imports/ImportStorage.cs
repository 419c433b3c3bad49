namespace Qunyun.Features.Imports;

/// <summary>
/// Where uploaded files wait for their background job (<c>Imports:StoragePath</c>, default <c>data/imports</c> next to
/// the database): one file per job, removed when the job ends.
/// </summary>
public sealed class ImportStorage(IConfiguration configuration, IHostEnvironment environment)
{
    private string Folder => configuration["Imports:StoragePath"] ?? Path.Combine(environment.ContentRootPath, "data", "imports");

    public string PathFor(Guid jobId) => Path.Combine(Folder, $"{jobId:N}.upload");

    public async Task<long> SaveAsync(Guid jobId, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await using var file = File.Create(PathFor(jobId));
        await content.CopyToAsync(file, cancellationToken);
        return file.Length;
    }

    public void Delete(Guid jobId) => File.Delete(PathFor(jobId));
}
