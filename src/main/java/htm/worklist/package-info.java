/**
 * Lists of tasks: queries with filters, where clause, sort and cursors; claimNext; bulk actions; the work-item
 * index that serves a caller's list.
 */
package htm.worklist;
