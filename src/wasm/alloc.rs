//! The wasm's allocator: free lists of power-of-two size classes over `memory.grow`.
//!
//! Rust's default allocator on wasm32 (dlmalloc) is about 9 KB of the module; this one is under
//! 1 KB. What the client allocates is small and short-lived (request fields, the form
//! body, a decoded answer), the same sizes call after call, so a block freed by one call is the
//! block the next call takes: memory stays flat however many calls are made (`make bench`,
//! figure 4). The price is up to 2x per block and no coalescing of freed blocks, which this
//! workload does not need. Allocating and freeing are O(1); a reallocation copies only when the
//! block changes class.
//!
//! Only for wasm32 without threads: the state is unsynchronized.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// The smallest block, 2^4 = 16 bytes: room for the free-list link and most short strings.
const MIN_SHIFT: u32 = 4;
/// Classes 2^4 .. 2^31 bytes.
const CLASSES: usize = (usize::BITS - MIN_SHIFT) as usize;
const PAGE: usize = 65_536;

struct State {
    /// The first free block of each class, 0 when none; each free block holds the next one.
    free: [usize; CLASSES],
    /// Where the next new block starts, and the end of the memory this allocator owns.
    next: usize,
    end: usize,
}

/// A size-class allocator for a single-threaded wasm instance.
pub struct SizeClasses(UnsafeCell<State>);

// SAFETY: wasm32 without the atomics feature has one thread, so no two calls overlap.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    pub const fn new() -> SizeClasses {
        SizeClasses(UnsafeCell::new(State { free: [0; CLASSES], next: 0, end: 0 }))
    }
}

/// The class that fits `layout`: its block size is a power of two no smaller than the size
/// and the alignment, and every block is aligned to its size (up to a page), so alignment
/// holds too. Alignments over a page are refused.
fn class_of(layout: &Layout) -> Option<usize> {
    if layout.align() > PAGE {
        return None;
    }
    let need = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    let shift = need.checked_next_power_of_two()?.trailing_zeros();
    let class = (shift - MIN_SHIFT) as usize;
    (class < CLASSES).then_some(class)
}

impl State {
    /// A new block of `1 << shift` bytes from the end of the heap, growing memory as needed.
    fn carve(&mut self, shift: u32) -> Option<usize> {
        if self.end == 0 {
            // Start after everything the module was given (data, stack, initial heap pages).
            self.end = wasm32::memory_size(0).checked_mul(PAGE)?;
            self.next = self.end;
        }
        let size = 1usize.checked_shl(shift)?;
        // Aligned to its size (up to a page), so a reused block fits any layout of its class.
        let align = size.min(PAGE);
        loop {
            let start = self.next.checked_add(align - 1)? & !(align - 1);
            let end = start.checked_add(size)?;
            if end <= self.end {
                self.next = end;
                return Some(start);
            }
            let pages = (end - self.end).div_ceil(PAGE);
            let old_pages = wasm32::memory_grow(0, pages);
            if old_pages == usize::MAX {
                return None;
            }
            let old_end = old_pages.checked_mul(PAGE)?;
            if old_end != self.end {
                // Something else grew the memory since: its pages are its own, so carving goes
                // on from the true end (the loop then checks the room again).
                self.next = old_end;
            }
            self.end = old_end.checked_add(pages.checked_mul(PAGE)?)?;
        }
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: single-threaded (see the Sync impl), and no reference to the state outlives
        // this call.
        let state = unsafe { &mut *self.0.get() };
        let Some(class) = class_of(&layout) else { return null_mut() };
        let Some(head) = state.free.get_mut(class) else { return null_mut() };
        if *head != 0 {
            let block = *head;
            // SAFETY: a free block starts with the link to the next free block of its class.
            *head = unsafe { *(block as *const usize) };
            return block as *mut u8;
        }
        state.carve(class as u32 + MIN_SHIFT).map_or(null_mut(), |start| start as *mut u8)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as in `alloc`.
        let state = unsafe { &mut *self.0.get() };
        // `layout` is the one the block was allocated with, so its class is the block's.
        let Some(head) = class_of(&layout).and_then(|class| state.free.get_mut(class)) else { return };
        // SAFETY: the block is at least 16 bytes, aligned to its size, and no longer in use.
        unsafe { *(ptr as *mut usize) = *head };
        *head = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else { return null_mut() };
        if class_of(&layout) == class_of(&new_layout) {
            // The block already has room: growing a string or a vector within its class is free.
            return ptr;
        }
        // SAFETY: the GlobalAlloc contract, passed on.
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks are live, distinct, and at least this long.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}
