using System;

namespace Compose.Libraries.VfsCore
{
    public sealed partial class Vfs
    {
        private uint _userId;
        private uint _groupId;

        /// <inheritdoc/>
        public void SetCredentials(uint userId, uint groupId)
        {
            _userId = userId;
            _groupId = groupId;
        }

        /// <inheritdoc/>
        public int Chmod(ReadOnlySpan<byte> path, uint mode)
        {
            int r = Resolve(path, true, out _, out _, out VfsNode? node, out _);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (_userId != 0 && node.UserId != _userId) return -Errno.EPERM;
            node.Mode = mode & 0xFFF;
            return 0;
        }

        /// <inheritdoc/>
        public int Access(ReadOnlySpan<byte> path, int mode)
        {
            if ((mode & ~7) != 0) return -Errno.EINVAL;
            int r = Resolve(path, true, out _, out _, out VfsNode? node, out bool trailingSlash);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (trailingSlash && node.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            return Permits(node, mode) ? 0 : -Errno.EACCES;
        }

        /// <summary>
        /// Whether the caller's credentials allow <paramref name="mode"/> (<see cref="AccessMode"/> bits) on
        /// <paramref name="node"/>: the owner's bits for the owner, else the group's for the group, else the others';
        /// root passes read and write, and execute when any execute bit is set or the node is a directory.
        /// </summary>
        private bool Permits(VfsNode node, int mode)
        {
            if (mode == 0) return true;
            if (_userId == 0)
            {
                if ((mode & AccessMode.Execute) == 0 || node.Type == VfsNodeType.Directory) return true;
                return (node.Mode & 0x49) != 0;
            }
            uint bits;
            if (node.UserId == _userId) bits = (node.Mode >> 6) & 7;
            else if (node.GroupId == _groupId) bits = (node.Mode >> 3) & 7;
            else bits = node.Mode & 7;
            return ((uint)mode & bits) == (uint)mode;
        }

        /// <summary>Whether the caller may add or remove names in <paramref name="directory"/> (write and search).</summary>
        private bool MayChange(VfsNode directory) => Permits(directory, AccessMode.Write | AccessMode.Execute);

        /// <summary>Stamps a node the caller just created with the caller's credentials.</summary>
        private VfsNode? Owned(VfsNode? node)
        {
            if (node is not null)
            {
                node.UserId = _userId;
                node.GroupId = _groupId;
            }
            return node;
        }
    }
}
