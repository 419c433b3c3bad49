namespace Qunyun.Data;

/// <summary>A row that belongs to one workspace; the global query filter scopes it.</summary>
public interface IWorkspaceOwned
{
    Guid WorkspaceId { get; set; }
}
