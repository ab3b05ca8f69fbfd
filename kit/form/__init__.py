"""The drafting form (ipywidgets), generated from the format model; logic in :mod:`kit.form.state`.

    from kit.form import ReportForm
    ReportForm(params_dir="../params").show()
"""

from kit.form.report_form import ReportForm

__all__ = ["ReportForm"]
