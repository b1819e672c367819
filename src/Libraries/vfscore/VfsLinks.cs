using System;

namespace Compose.Libraries.VfsCore
{
    public sealed partial class Vfs
    {
        /// <inheritdoc/>
        public int LinkStat(ReadOnlySpan<byte> path, out VfsStat stat) => StatPath(path, false, out stat);

        /// <inheritdoc/>
        public int Symlink(ReadOnlySpan<byte> target, ReadOnlySpan<byte> linkPath)
        {
            if (target.Length == 0) return -Errno.ENOENT;
            if (target.Length > MaxPath) return -Errno.ENAMETOOLONG;
            if (target.IndexOf((byte)0) >= 0) return -Errno.EINVAL;
            int r = Resolve(linkPath, false, out VfsNode? parent, out ReadOnlySpan<byte> name, out VfsNode? node, out bool trailingSlash);
            if (r < 0) return r;
            if (node is not null) return -Errno.EEXIST;
            if (parent is null || trailingSlash) return -Errno.ENOENT;
            if (!MayChange(parent)) return -Errno.EACCES;
            VfsNode? link = Owned(parent.Create(name, VfsNodeType.Symlink, 0x1FF));
            if (link is null) return -Errno.ENOMEM;
            int w = link.Write(0, target);
            if (w == target.Length) return 0;
            parent.Remove(name);
            return w < 0 ? w : -Errno.ENOMEM;
        }

        /// <inheritdoc/>
        public int ReadLink(ReadOnlySpan<byte> path, Span<byte> buffer)
        {
            int r = Resolve(path, false, out _, out _, out VfsNode? node, out _);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (node.Type != VfsNodeType.Symlink) return -Errno.EINVAL;
            return node.Read(0, buffer);
        }

        /// <inheritdoc/>
        public int Link(ReadOnlySpan<byte> existingPath, ReadOnlySpan<byte> newPath)
        {
            // Linux's link(2) does not follow a symbolic link in existingPath: the new name is a link to the link.
            int r = Resolve(existingPath, false, out _, out _, out VfsNode? node, out bool oldSlash);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (node.Type == VfsNodeType.Directory) return -Errno.EPERM;
            if (oldSlash) return -Errno.ENOTDIR;
            r = Resolve(newPath, false, out VfsNode? parent, out ReadOnlySpan<byte> name, out VfsNode? existing, out bool newSlash);
            if (r < 0) return r;
            if (existing is not null) return -Errno.EEXIST;
            if (parent is null || newSlash) return -Errno.ENOENT;
            if (!MayChange(parent)) return -Errno.EACCES;
            return parent.Attach(name, node);
        }

        /// <inheritdoc/>
        public int Rename(ReadOnlySpan<byte> oldPath, ReadOnlySpan<byte> newPath)
        {
            int r = Resolve(oldPath, false, out VfsNode? oldParent, out ReadOnlySpan<byte> oldSlice, out VfsNode? node, out bool oldSlash);
            if (r < 0) return r;
            if (node is null) return -Errno.ENOENT;
            if (oldSlash && node.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            if (IsDot(oldSlice) || IsDotDot(oldSlice)) return -Errno.EINVAL;
            if (oldParent is null || IsMounted(node) || IsMountPoint(node)) return -Errno.EBUSY;
            // The second resolution reuses the path buffers: keep the old name.
            byte[] oldName = oldSlice.ToArray();
            VfsNode? oldMount = ChainMount();

            r = Resolve(newPath, false, out VfsNode? newParent, out ReadOnlySpan<byte> newName, out VfsNode? target, out bool newSlash);
            if (r < 0) return r;
            if (newParent is null) return target is null ? -Errno.ENOENT : -Errno.EBUSY;
            if (IsDot(newName) || IsDotDot(newName)) return -Errno.EINVAL;
            if (newSlash && node.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            // A directory cannot move below itself: the new parent's chain from the root must not hold it.
            if (node.Type == VfsNodeType.Directory)
                for (int i = 0; i < _depth; i++)
                    if (_stack[i] == node) return -Errno.EINVAL;
            if (!MayChange(oldParent) || !MayChange(newParent)) return -Errno.EACCES;
            if (target == node) return 0;
            if (target is not null)
            {
                if (IsMounted(target) || IsMountPoint(target)) return -Errno.EBUSY;
                if (node.Type == VfsNodeType.Directory)
                {
                    if (target.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
                    if (target.Size != 0) return -Errno.ENOTEMPTY;
                }
                else if (target.Type == VfsNodeType.Directory) return -Errno.EISDIR;
            }
            if (ChainMount() != oldMount) return -Errno.EXDEV;
            if (target is not null)
            {
                r = newParent.Remove(newName);
                if (r < 0) return r;
            }
            r = newParent.Attach(newName, node);
            if (r < 0) return r;
            return oldParent.Remove(oldName);
        }

        /// <summary>Whether a file system is mounted on <paramref name="node"/> (it is hidden under the mount).</summary>
        private bool IsMountPoint(VfsNode node)
        {
            for (int i = 0; i < _mounts; i++)
                if (_mountPoints[i] == node) return true;
            return false;
        }

        /// <summary>
        /// The root of the mounted file system holding the last resolution's parent directory: the nearest mount root
        /// on the chain <c>_stack[0.._depth-1]</c>.
        /// </summary>
        private VfsNode? ChainMount()
        {
            for (int i = _depth - 1; i >= 0; i--)
                if (IsMounted(_stack[i])) return _stack[i];
            return _root;
        }
    }
}
