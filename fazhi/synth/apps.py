from django.apps import AppConfig


class SynthConfig(AppConfig):
    name = "fazhi.synth"
    verbose_name = "合成数据"
