/**
 * Headless PNG figures of a run: the eigenfunction gallery (learned against reference, laid out by
 * degenerate shell), the normalised Gram matrix of the learned functions, and error and loss curves.
 * The figures of a run directory are computed from its files alone ({@link org.opsvd.solver.plot.RunData}), so
 * {@code opsvd solve} and {@code opsvd plot} draw the same figures; the gallery and the Gram matrix also draw
 * a solve held in memory ({@link org.opsvd.solver.plot.RunData.Functions#of}, the same values as the files).
 * {@link org.opsvd.solver.plot.Heatmaps} draws any fields on a 2D grid as a row of heatmaps (the notebooks use
 * it). Run figures are returned as PNG bytes ({@link org.opsvd.solver.plot.FigureFile}); the caller writes
 * them (atomically). Charts come from XChart; the colour fields of heatmaps are rendered here
 * ({@link org.opsvd.solver.plot.FieldPanel}).
 */
package org.opsvd.solver.plot;
