/**
 * Headless PNG figures of a run directory: the eigenfunction gallery (learned against reference, laid out
 * by degenerate shell), the normalised Gram matrix of the learned functions, and error and loss curves.
 * Everything is computed from the run directory's files alone ({@link org.opsvd.solver.plot.RunData}), so
 * {@code opsvd solve} and {@code opsvd plot} draw the same figures. Figures are returned as PNG bytes
 * ({@link org.opsvd.solver.plot.FigureFile}); the caller writes them (atomically). Charts come from XChart;
 * the colour fields of heatmaps are rendered here ({@link org.opsvd.solver.plot.FieldPanel}).
 */
package org.opsvd.solver.plot;
